import { Module } from '@nestjs/common';
import { RolesController } from './roles.controller';

/** GET /roles: the static roles catalogue, localized. */
@Module({ controllers: [RolesController] })
export class RolesModule {}
