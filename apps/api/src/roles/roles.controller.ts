import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/error-response.dto';
import { LangQuery, RequestLang } from '../common/lang';
import { TitlesDto } from '../definitions/definitions.controller';
import type { Lang } from '../../../../libs/contracts/src/i18n';
import type { RoleListing } from '../../../../libs/contracts/src/roles';
import { localizeRole } from '../../../../libs/definitions/src/i18n';
import { ROLES } from '../../../../libs/definitions/src/roles';

export class RoleDto implements RoleListing {
  @ApiProperty({ example: 'jp-meti' }) id!: string;
  @ApiProperty({ enum: ['JP', 'CA'], nullable: true, description: 'null: both parties (joint secretariat)' })
  party!: 'JP' | 'CA' | null;
  @ApiProperty({ description: 'In the language asked (Accept-Language or ?lang=), English when missing' })
  title!: string;
  @ApiProperty({ description: 'In the language asked' }) org!: string;
  @ApiProperty({ type: TitlesDto, description: 'The title in English, French and Japanese' })
  titles!: TitlesDto;
  @ApiProperty({ type: TitlesDto, description: 'The organisation in English, French and Japanese' })
  orgs!: TitlesDto;
}

/** The roles catalogue with its names, so clients show officials titles rather than role ids. */
@ApiTags('roles')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('roles')
export class RolesController {
  @Get()
  @ApiOperation({ summary: 'Every role, named in the language asked' })
  @ApiOkResponse({ type: [RoleDto] })
  list(@Query() _query: LangQuery, @RequestLang() lang: Lang): RoleListing[] {
    return ROLES.map((r) => localizeRole(r, lang));
  }
}
