/**
 * What the monitoring feature needs from the rest of the API (config, catalogue, the processes service),
 * resolved once at start through the module graph, so MonitoringModule plugs into AppModule with one import
 * and does not duplicate the processes use cases (extend deadline and cancel are reused from it).
 */
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Client } from '@temporalio/client';
import type { AccordConfig } from '../../../../libs/config/src/accord-config';
import type { Party } from '../../../../libs/contracts/src/definition';
import { usersWithRole } from '../../../../libs/directory/src/directory';
import {
  loadMonitoringConfig,
  type MonitoringConfig,
} from '../../../../libs/monitoring/src/monitoring-config';
import { calendarAddSpan } from '../../../../libs/monitoring/src/calendar-adapter';
import { StuckFinder } from '../../../../libs/monitoring/src/stuck-finder';
import { DefinitionResolver } from '../../../../libs/monitoring/src/pinned-definition';
import type { AddSpan } from '../../../../libs/forecast/src/types';
import { ACCORD_CONFIG, TEMPORAL_CLIENT } from '../common/tokens';
import { Catalogue } from '../definitions/catalogue';
import { ProcessesService } from '../processes/processes.service';

@Injectable()
export class MonitoringContext implements OnModuleInit {
  config!: AccordConfig;
  monitoring!: MonitoringConfig;
  catalogue!: Catalogue;
  processes!: ProcessesService;
  finder!: StuckFinder;
  definitions!: DefinitionResolver;
  addSpan!: AddSpan;

  constructor(
    @Inject(TEMPORAL_CLIENT) readonly client: Client,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    this.config = this.moduleRef.get(ACCORD_CONFIG, { strict: false });
    this.catalogue = this.moduleRef.get(Catalogue, { strict: false });
    this.processes = this.moduleRef.get(ProcessesService, { strict: false });
    this.monitoring = loadMonitoringConfig();
    this.addSpan = calendarAddSpan(this.config);
    const getDefinition = (id: string, version?: number) => this.catalogue.getDefinition(id, version);
    this.definitions = new DefinitionResolver(this.client, getDefinition);
    this.finder = new StuckFinder({
      client: this.client,
      namespace: this.client.options.namespace,
      dayLengthMs: this.config.dayLengthMs,
      usersWithRole: (party: Party, role: string) => usersWithRole(party, role),
      listDefinitions: () => this.catalogue.listDefinitions(),
      getDefinition,
      addSpan: this.addSpan,
      idleDefault: this.monitoring.idleDefault,
      limits: { maxProcesses: this.monitoring.maxProcesses, maxDescribes: this.monitoring.maxDescribes },
    });
  }
}
