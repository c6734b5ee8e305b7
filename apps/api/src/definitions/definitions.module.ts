import { Module } from '@nestjs/common';
import { InitiativesController } from '../initiatives/initiatives.controller';
import { DefinitionsController } from './definitions.controller';

/** GET /definitions and /initiatives (the catalogue itself is shared through CoreModule). */
@Module({ controllers: [DefinitionsController, InitiativesController] })
export class DefinitionsModule {}
