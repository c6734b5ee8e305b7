import { Module } from '@nestjs/common';
import { DelegationsController } from './delegations.controller';
import { DelegationsService } from './delegations.service';
import { DelegationsStore } from './delegations.store';

/** POST/GET/DELETE /delegations; the store is shared with processes (acting principal, holders) and the inbox. */
@Module({
  controllers: [DelegationsController],
  providers: [DelegationsService, DelegationsStore],
  exports: [DelegationsStore],
})
export class DelegationsModule {}
