import { Module } from '@nestjs/common';
import { DelegationsModule } from '../delegations/delegations.module';
import { ForecastModule } from '../forecast/forecast.module';
import { ProcessesController } from './processes.controller';
import { ProcessesService } from './processes.service';

/** /processes: start, list, read, decide, complete, cancel, deadlines, waivers. */
@Module({
  imports: [DelegationsModule, ForecastModule],
  controllers: [ProcessesController],
  providers: [ProcessesService],
  exports: [ProcessesService],
})
export class ProcessesModule {}
