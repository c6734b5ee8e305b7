/**
 * What the monitoring feature shares between its services: settings, the catalogue, the Temporal gateway,
 * the forecasts and the stuck finder, injected through the module graph (no ModuleRef look-up).
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { AccordConfig } from '../../../../libs/config/src/accord-config';
import type { Party } from '../../../../libs/contracts/src/definition';
import { usersWithRole } from '../../../../libs/directory/src/directory';
import {
  loadMonitoringConfig,
  type MonitoringConfig,
} from '../../../../libs/monitoring/src/monitoring-config';
import type { DefinitionResolver } from '../../../../libs/monitoring/src/pinned-definition';
import { StuckFinder } from '../../../../libs/monitoring/src/stuck-finder';
import { ACCORD_CONFIG } from '../common/tokens';
import { Catalogue } from '../definitions/catalogue';
import { ForecastService } from '../forecast/forecast.service';
import { TemporalGateway } from '../temporal/temporal-gateway';

@Injectable()
export class MonitoringContext {
  readonly monitoring: MonitoringConfig;
  readonly finder: StuckFinder;
  readonly client: Client;
  readonly definitions: DefinitionResolver;

  constructor(
    @Inject(ACCORD_CONFIG) readonly config: AccordConfig,
    readonly catalogue: Catalogue,
    readonly gateway: TemporalGateway,
    readonly forecasts: ForecastService,
  ) {
    this.client = gateway.client;
    this.monitoring = loadMonitoringConfig();
    this.definitions = forecasts.definitions;
    const getDefinition = (id: string, version?: number) => this.catalogue.getDefinition(id, version);
    this.finder = new StuckFinder({
      client: this.client,
      namespace: this.client.options.namespace,
      dayLengthMs: this.config.dayLengthMs,
      usersWithRole: (party: Party, role: string) => usersWithRole(party, role),
      listDefinitions: () => this.catalogue.listDefinitions(),
      getDefinition,
      // The forecast's calendars: the same recorded events, refreshed before each idle computation.
      calendars: forecasts.calendars,
      idleDefault: this.monitoring.idleDefault,
      limits: { maxProcesses: this.monitoring.maxProcesses, maxDescribes: this.monitoring.maxDescribes },
    });
  }
}
