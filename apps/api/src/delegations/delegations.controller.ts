import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { ApiErrors } from '../common/error-response.dto';
import { ApiIdParam, ParseIdPipe } from '../common/ids';
import { DelegationsService } from './delegations.service';
import { CreateDelegationDto } from './dto/create-delegation.dto';
import { DelegationDto } from './dto/delegation.response';

@ApiTags('delegations')
@ApiBearerAuth()
@ApiErrors(401, 413)
@Controller('delegations')
export class DelegationsController {
  constructor(private readonly delegations: DelegationsService) {}

  @Post()
  @ApiOperation({
    summary: 'Hand your approvals (or some roles) to a colleague of the same party until a date',
  })
  @ApiCreatedResponse({
    type: DelegationDto,
    links: {
      Delete: { operationId: 'DelegationsController_remove', parameters: { id: '$response.body#/id' } },
    },
  })
  @ApiErrors(400, 403)
  create(@CurrentPrincipal() caller: Principal, @Body() dto: CreateDelegationDto) {
    return this.delegations.create(caller, dto);
  }

  @Get()
  @ApiOperation({ summary: 'Active delegations you gave or received (a coordinator: all of their party)' })
  @ApiOkResponse({ type: [DelegationDto] })
  list(@CurrentPrincipal() caller: Principal) {
    return this.delegations.list(caller);
  }

  @Delete(':id')
  @ApiIdParam('id', 'dlg-3f0c6c5e-2d7e-4a53-9a55-4b1c0f7a1e11', 'Delegation id')
  @HttpCode(204)
  @ApiOperation({ summary: 'End a delegation now' })
  @ApiNoContentResponse()
  @ApiErrors(400, 403, 404)
  async remove(@CurrentPrincipal() caller: Principal, @Param('id', new ParseIdPipe('id')) id: string) {
    await this.delegations.remove(caller, id);
  }
}
