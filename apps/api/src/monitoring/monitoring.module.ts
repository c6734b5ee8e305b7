/**
 * Coordinators' monitoring: stuck processes, summary and roll-ups, forecasts, coordinator actions (single
 * and bulk). Imported by AppModule; resolves config, catalogue and the processes service from it.
 */
import { Module } from '@nestjs/common';
import { BulkService } from './bulk.service';
import { CoordinatorActionsService } from './coordinator-actions.service';
import { ForecastService } from './forecast.service';
import { MonitoringContext } from './monitoring.context';
import { MonitoringController } from './monitoring.controller';
import { MonitoringService } from './monitoring.service';
import { ProcessMonitoringController } from './process-monitoring.controller';

@Module({
  controllers: [MonitoringController, ProcessMonitoringController],
  providers: [MonitoringContext, MonitoringService, ForecastService, CoordinatorActionsService, BulkService],
  exports: [ForecastService],
})
export class MonitoringModule {}
