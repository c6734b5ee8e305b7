import { Controller, Get, Param, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ApiError } from '../common/api-error';
import { ApiErrors } from '../common/error-response.dto';
import { ApiIdParam, ParseIdPipe } from '../common/ids';
import { LangQuery, RequestLang } from '../common/lang';
import type { Lang } from '../../../../libs/contracts/src/i18n';
import { localizeDefinition } from '../../../../libs/definitions/src/i18n';
import { Catalogue } from './catalogue';

/** A name in every language (English where a translation is missing). */
export class TitlesDto {
  @ApiProperty() en!: string;
  @ApiProperty() fr!: string;
  @ApiProperty() ja!: string;
}

export class RoadmapReferenceDto {
  @ApiProperty({ example: '2' }) pillar!: string;
  @ApiProperty({ description: 'In the language asked' }) pillarTitle!: string;
  @ApiProperty({ type: TitlesDto }) pillarTitles!: TitlesDto;
  @ApiPropertyOptional() section?: string;
}

/** The definition format is documented in libs/contracts/src/definition.ts; steps are shown as given. */
export class DefinitionDto {
  @ApiProperty({ example: 'trade-mission' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ description: 'In the language asked (Accept-Language or ?lang=), English when missing' })
  title!: string;
  @ApiProperty({ type: TitlesDto, description: 'The title in English, French and Japanese' })
  titles!: TitlesDto;
  @ApiProperty({ enum: ['en', 'fr', 'ja'], description: 'The language of title fields' }) lang!: string;
  @ApiProperty({ description: 'In the language asked, English when missing' }) description!: string;
  @ApiProperty({ type: TitlesDto, description: 'The description in English, French and Japanese' })
  descriptions!: TitlesDto;
  @ApiProperty({ type: RoadmapReferenceDto }) roadmap!: RoadmapReferenceDto;
  @ApiProperty({ type: [String], enum: ['JP', 'CA'] }) parties!: string[];
  @ApiProperty({ type: [String] }) initiatorRoles!: string[];
  @ApiProperty({
    type: 'object',
    description: 'name → {type: boolean|number|text|date|enum, title, default, options, min, max}',
    additionalProperties: { type: 'object' },
  })
  parameters!: Record<string, unknown>;
  @ApiProperty({
    type: 'array',
    items: { type: 'object' },
    description:
      'approval, task, timer and parallel steps; each with title (language asked) and titles {en, fr, ja}, and ' +
      'optionally authority {JP?, CA?}, legalBasis and sources [{title, url, unverified?}]',
  })
  steps!: unknown[];
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    description: 'Public sources [{title, url, unverified?: true when the address could not be confirmed}]',
  })
  sources?: unknown[];
}

export class DefinitionVersionQuery extends LangQuery {
  @ApiPropertyOptional({ description: 'A specific version (default: the latest)', minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  version?: number;
}

@ApiTags('definitions')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('definitions')
export class DefinitionsController {
  constructor(private readonly catalogue: Catalogue) {}

  @Get()
  @ApiOperation({ summary: 'Every process definition (latest versions)' })
  @ApiOkResponse({ type: [DefinitionDto] })
  list(@Query() _query: LangQuery, @RequestLang() lang: Lang) {
    return this.catalogue.listDefinitions().map((d) => localizeDefinition(d, lang));
  }

  @Get(':id/versions')
  @ApiIdParam('id', 'agreement-entry-into-force', 'Definition id')
  @ApiOperation({ summary: 'Every shipped version of one definition, oldest first' })
  @ApiOkResponse({ type: [DefinitionDto] })
  @ApiErrors(400, 404)
  versions(
    @Param('id', new ParseIdPipe('id')) id: string,
    @Query() _query: LangQuery,
    @RequestLang() lang: Lang,
  ) {
    const versions = this.catalogue.listDefinitionVersions(id);
    if (!versions.length) throw new ApiError(404, `Definition "${id}" not found`, undefined, 'NOT_FOUND');
    return versions.map((d) => localizeDefinition(d, lang));
  }

  @Get(':id')
  @ApiIdParam('id', 'trade-mission', 'Definition id')
  @ApiOperation({ summary: 'One definition: parameters with types and defaults, steps, roadmap reference' })
  @ApiOkResponse({ type: DefinitionDto })
  @ApiErrors(400, 404)
  get(
    @Param('id', new ParseIdPipe('id')) id: string,
    @Query() query: DefinitionVersionQuery,
    @RequestLang() lang: Lang,
  ) {
    const def = this.catalogue.getDefinition(id, query.version);
    if (!def) {
      throw new ApiError(
        404,
        `Definition "${id}"${query.version ? ` version ${query.version}` : ''} not found`,
        undefined,
        'NOT_FOUND',
      );
    }
    return localizeDefinition(def, lang);
  }
}
