import { Module } from '@nestjs/common';
import { DelegationsModule } from '../delegations/delegations.module';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';

/** GET /inbox: the steps awaiting the caller. */
@Module({ imports: [DelegationsModule], controllers: [InboxController], providers: [InboxService] })
export class InboxModule {}
