import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../../../../libs/contracts/src/principal';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
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
  @ApiOperation({ summary: "The caller's identity, from the verified token" })
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() caller: Principal): MeDto {
    return { sub: caller.sub, name: caller.name, party: caller.party, org: caller.org, roles: caller.roles };
  }
}
