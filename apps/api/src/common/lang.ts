/**
 * The language of a response: the `lang` query parameter when given (validated by LangQuery), else the best
 * of en, fr, ja in Accept-Language (express's negotiation), else English. The answer says which it used
 * (Content-Language) and that it depends on the request's language (Vary: Accept-Language).
 */
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DEFAULT_LANG, LANGS, type Lang } from '../../../../libs/contracts/src/i18n';
import { asLang } from '../../../../libs/definitions/src/i18n';

export class LangQuery {
  @ApiPropertyOptional({
    enum: LANGS,
    description: 'Language of the names (overrides Accept-Language); missing names fall back to English.',
  })
  @IsOptional()
  @IsIn(LANGS, { message: `lang must be one of ${LANGS.join(', ')}` })
  lang?: Lang;
}

/** The parts of express's request and response used here (express ships no types in this project). */
interface LangRequest {
  query?: Record<string, unknown>;
  acceptsLanguages(...langs: string[]): string | false;
}
interface LangResponse {
  setHeader(name: string, value: string): void;
  vary(field: string): void;
}

export function negotiateLang(req: LangRequest): Lang {
  const asked = asLang(req.query?.lang);
  if (asked) return asked;
  const best = req.acceptsLanguages(...LANGS);
  return asLang(best) ?? DEFAULT_LANG;
}

export const RequestLang = createParamDecorator((_: unknown, ctx: ExecutionContext): Lang => {
  const http = ctx.switchToHttp();
  const lang = negotiateLang(http.getRequest<LangRequest>());
  const res = http.getResponse<LangResponse>();
  res.setHeader('Content-Language', lang);
  res.vary('Accept-Language');
  return lang;
});
