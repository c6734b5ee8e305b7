/**
 * Sign-in endpoints for the web console. GET /auth/config is always there; the directory endpoints are
 * registered only in directory mode (sign-in-mode.ts), so elsewhere they answer 404 like any unknown path.
 */
import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { AccordConfig } from '../../../../libs/config/src/accord-config';
import type { AuthConfig, DirectoryTokenResponse, DirectoryUser } from '../../../../libs/contracts/src/auth';
import { getUser, listUsers, principalOf } from '../../../../libs/directory/src/directory';
import { ApiError, badRequest } from '../common/api-error';
import { ApiErrors } from '../common/error-response.dto';
import { ACCORD_CONFIG } from '../common/tokens';
import { DirectoryTokenDto } from './dto/directory-token.dto';
import { Public } from './public.decorator';
import { signToken } from './sign-token';
import { authConfigOf } from './sign-in-mode';

/** The generated secret and the claims checks the verifier applies (directory mode only). */
export const DIRECTORY_SIGNER = Symbol('DIRECTORY_SIGNER');
export interface DirectorySigner {
  secret: string;
  issuer?: string;
  audience?: string;
  /** The verifier's ACCORD_MAX_TOKEN_LIFETIME: a directory token never outlives what the API accepts. */
  maxLifetimeSeconds: number;
}

/** Directory tokens last a working day: the console returns to sign-in when one expires. */
export const DIRECTORY_TOKEN_SECONDS = 12 * 3600;

class AuthConfigDto {
  @ApiProperty({ enum: ['directory', 'oidc'] }) mode!: string;
  @ApiPropertyOptional() issuer?: string;
  @ApiPropertyOptional() clientId?: string;
  @ApiPropertyOptional() scope?: string;
  @ApiPropertyOptional() audience?: string;
}

class DirectoryUserDto implements DirectoryUser {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['JP', 'CA'] }) party!: DirectoryUser['party'];
  @ApiProperty() org!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
}

class DirectoryTokenResponseDto implements DirectoryTokenResponse {
  @ApiProperty() token!: string;
  @ApiProperty({ format: 'date-time' }) expiresAt!: string;
}

@ApiTags('sign-in')
@Controller('auth')
export class AuthConfigController {
  constructor(@Inject(ACCORD_CONFIG) private readonly config: AccordConfig) {}

  @Get('config')
  @Public()
  @ApiOperation({ summary: 'How this deployment signs people in (directory picker or OpenID Connect)' })
  @ApiOkResponse({ type: AuthConfigDto })
  @ApiErrors(404)
  authConfig(): AuthConfig {
    const answer = authConfigOf(this.config);
    if (!answer) {
      throw new ApiError(
        404,
        'The web console has no sign-in here: set ACCORD_OIDC_ISSUER and ACCORD_OIDC_CLIENT_ID ' +
          '(OpenID Connect), or run without ACCORD_JWT_SECRET and ACCORD_JWKS_URL outside production ' +
          '(directory sign-in)',
        undefined,
        'SIGN_IN_NOT_CONFIGURED',
      );
    }
    return answer;
  }
}

@ApiTags('sign-in')
@Controller('auth/directory')
export class DirectorySignInController {
  constructor(@Inject(DIRECTORY_SIGNER) private readonly signer: DirectorySigner) {}

  @Get('users')
  @Public()
  @ApiOperation({ summary: 'Directory mode only: the seeded people to sign in as' })
  @ApiOkResponse({ type: [DirectoryUserDto] })
  users(): DirectoryUser[] {
    return listUsers();
  }

  @Post('token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Directory mode only: a bearer token for a seeded user' })
  @ApiOkResponse({ type: DirectoryTokenResponseDto })
  @ApiErrors(400)
  token(@Body() body: DirectoryTokenDto): DirectoryTokenResponse {
    const user = getUser(body.userId);
    if (!user) {
      throw badRequest([
        {
          field: 'userId',
          message: `no seeded user "${body.userId}" (GET /api/v1/auth/directory/users lists them)`,
        },
      ]);
    }
    const now = Date.now();
    const seconds = Math.min(DIRECTORY_TOKEN_SECONDS, this.signer.maxLifetimeSeconds);
    const token = signToken(principalOf(user), this.signer.secret, {
      expiresInSeconds: seconds,
      issuer: this.signer.issuer,
      audience: this.signer.audience,
      now,
    });
    return { token, expiresAt: new Date(now + seconds * 1000).toISOString() };
  }
}
