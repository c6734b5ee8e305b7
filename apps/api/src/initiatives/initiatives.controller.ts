import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/error-response.dto';
import { Catalogue } from '../definitions/catalogue';
import { ProcessSummaryDto } from '../processes/dto/process-view.response';
import { summaryOf, type ProcessSummary } from '../processes/process-summary';
import { clauses, TemporalGateway } from '../temporal/temporal-gateway';

const { processes: PROCESSES, quote } = clauses;

export class DefinitionRefDto {
  @ApiProperty() id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
}

export class InitiativeDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() definitionId!: string;
  @ApiProperty({ type: DefinitionRefDto, nullable: true }) definition!: DefinitionRefDto | null;
  @ApiProperty({
    type: [ProcessSummaryDto],
    description: 'Processes started for this initiative (newest first)',
  })
  processes!: ProcessSummaryDto[];
}

/** At most this many processes are attached per listing (visibility pages of 100). */
const MAX_PROCESSES = 1000;

@ApiTags('initiatives')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('initiatives')
export class InitiativesController {
  constructor(
    private readonly catalogue: Catalogue,
    private readonly gateway: TemporalGateway,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'The roadmap initiatives, each with its definition and the processes started for it',
  })
  @ApiOkResponse({ type: [InitiativeDto] })
  async list() {
    const initiatives = this.catalogue.listInitiatives();
    const byInitiative = new Map<string, ProcessSummary[]>();
    if (initiatives.length) {
      // One visibility query for all initiatives, not one per initiative.
      const query = `${PROCESSES} AND AccordInitiative IN (${initiatives.map((i) => quote(i.id)).join(', ')})`;
      let token: string | undefined;
      let seen = 0;
      do {
        const page = await this.gateway.list(query, 100, token);
        for (const info of page.items) {
          const s = summaryOf(info);
          if (!s.initiativeId) continue;
          byInitiative.set(s.initiativeId, [...(byInitiative.get(s.initiativeId) ?? []), s]);
        }
        seen += page.items.length;
        token = page.nextPageToken ?? undefined;
      } while (token && seen < MAX_PROCESSES);
    }
    return initiatives.map((i) => {
      const def = this.catalogue.getDefinition(i.definitionId);
      return {
        ...i,
        definition: def ? { id: def.id, version: def.version, title: def.title } : null,
        processes: byInitiative.get(i.id) ?? [],
      };
    });
  }
}
