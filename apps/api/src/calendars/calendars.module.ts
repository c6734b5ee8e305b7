import { Module } from '@nestjs/common';
import { CalendarsController } from './calendars.controller';
import { CalendarsService } from './calendars.service';

/** GET /calendars, POST/DELETE /calendars/events (the store is global: the forecast reads it too). */
@Module({ controllers: [CalendarsController], providers: [CalendarsService] })
export class CalendarsModule {}
