/** Forecasts, shared by the processes resource (GET /processes/{id}) and monitoring (roll-ups, /forecast). */
import { Module } from '@nestjs/common';
import { ForecastService } from './forecast.service';

@Module({ providers: [ForecastService], exports: [ForecastService] })
export class ForecastModule {}
