/**
 * Coordinators' monitoring: stuck processes, summary and roll-ups, forecasts, coordinator actions (single
 * and bulk). Uses the processes resource for the actions it shares (extend a deadline, cancel).
 */
import { Module } from '@nestjs/common';
import { ForecastModule } from '../forecast/forecast.module';
import { ProcessesModule } from '../processes/processes.module';
import { BulkService } from './bulk.service';
import { CoordinatorActionsService } from './coordinator-actions.service';
import { MonitoringContext } from './monitoring.context';
import { MonitoringController } from './monitoring.controller';
import { MonitoringService } from './monitoring.service';
import { ProcessMonitoringController } from './process-monitoring.controller';

@Module({
  imports: [ProcessesModule, ForecastModule],
  controllers: [MonitoringController, ProcessMonitoringController],
  providers: [MonitoringContext, MonitoringService, CoordinatorActionsService, BulkService],
})
export class MonitoringModule {}
