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
import { Catalogue } from './catalogue';

export class RoadmapReferenceDto {
  @ApiProperty({ example: '2' }) pillar!: string;
  @ApiProperty() pillarTitle!: string;
  @ApiPropertyOptional() section?: string;
}

/** The definition format is documented in libs/contracts/src/definition.ts; steps are shown as given. */
export class DefinitionDto {
  @ApiProperty({ example: 'trade-mission' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
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
    description: 'approval, task, timer and parallel steps',
  })
  steps!: unknown[];
}

export class DefinitionVersionQuery {
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
  list() {
    return this.catalogue.listDefinitions();
  }

  @Get(':id')
  @ApiIdParam('id', 'trade-mission', 'Definition id')
  @ApiOperation({ summary: 'One definition: parameters with types and defaults, steps, roadmap reference' })
  @ApiOkResponse({ type: DefinitionDto })
  @ApiErrors(400, 404)
  get(@Param('id', new ParseIdPipe('id')) id: string, @Query() query: DefinitionVersionQuery) {
    const def = this.catalogue.getDefinition(id, query.version);
    if (!def) {
      throw new ApiError(
        404,
        `Definition "${id}"${query.version ? ` version ${query.version}` : ''} not found`,
        undefined,
        'NOT_FOUND',
      );
    }
    return def;
  }
}
