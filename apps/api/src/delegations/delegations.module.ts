import { Module } from '@nestjs/common';
import { DelegationsController } from './delegations.controller';
import { DelegationsService } from './delegations.service';
import { DelegationsStore } from './delegations.store';
import { LegacyDelegationsMigration } from './legacy-delegations.migration';

/**
 * POST/GET/DELETE /delegations; the store is shared with processes (acting principal, holders) and the inbox.
 * At start, delegations of the earlier single store move into the per-person stores.
 */
@Module({
  controllers: [DelegationsController],
  providers: [DelegationsService, DelegationsStore, LegacyDelegationsMigration],
  exports: [DelegationsStore],
})
export class DelegationsModule {}
