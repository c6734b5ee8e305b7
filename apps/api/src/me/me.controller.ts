import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { WithoutRoles } from '../auth/public.decorator';
import { ApiErrors } from '../common/error-response.dto';

export class MeDto {
  @ApiProperty() sub!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['JP', 'CA'] }) party!: string;
  @ApiProperty() org!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
}

@ApiTags('identity')
@ApiBearerAuth()
@ApiErrors(401)
@Controller('me')
export class MeController {
  @Get()
  @WithoutRoles()
  @ApiOperation({ summary: "The caller's identity, from the verified token (even with no Accord role)" })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() caller: Principal): MeDto {
    return { sub: caller.sub, name: caller.name, party: caller.party, org: caller.org, roles: caller.roles };
  }
}
