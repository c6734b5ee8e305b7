/**
 * The built web console (dist/web, from apps/web) served by the API on the same origin: static files with
 * index.html for any other GET path the API does not own, so deep links (/processes/…) load the app.
 * Hashed assets are cached for a year; index.html is revalidated on every load, so a new build shows at
 * once. @nestjs/serve-static registers after the API's routes, so those always win.
 */
import type { DynamicModule } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { AccordConfig } from '../../../../libs/config/src/accord-config';
import { cacheControlFor, NOT_THE_CONSOLE, webConsoleBuilt } from './console-policy';

/** The static module, or undefined when the console was not built (the API still runs; main.ts says so). */
export function webConsoleModule(config: AccordConfig): DynamicModule | undefined {
  if (!webConsoleBuilt(config)) return undefined;
  return ServeStaticModule.forRoot({
    rootPath: config.web.dir,
    exclude: NOT_THE_CONSOLE,
    serveStaticOptions: {
      index: 'index.html',
      dotfiles: 'ignore',
      redirect: false,
      setHeaders: (res: { setHeader(name: string, value: string): void }, file: string) =>
        res.setHeader('Cache-Control', cacheControlFor(file)),
    },
  });
}
