/**
 * Puts the worker's update keys into its workflow bundle as a constant (`__ACCORD_UPDATE_KEYS__`, read by
 * workflows/interceptors.ts): workflow code cannot read the environment, and a key passed as workflow
 * input would be written to history and could be chosen by whoever starts the workflow.
 */
import type { UpdateKeyRing } from '../../../libs/contracts/src/update-proof';

type WebpackConfig = { plugins?: unknown[] };

/**
 * The webpack the Temporal bundler itself uses (a dependency of @temporalio/worker), so that the plugin
 * is of the same webpack instance as the compiler that runs it.
 */
function bundlerWebpack(): { DefinePlugin: new (defs: Record<string, string>) => unknown } {
  const from = require.resolve('@temporalio/worker');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved from @temporalio/worker's folder
  return require(require.resolve('webpack', { paths: [from] }));
}

export function withUpdateKeys(keys: UpdateKeyRing): <C extends WebpackConfig>(config: C) => C {
  return (config) => {
    const { DefinePlugin } = bundlerWebpack();
    config.plugins = [
      ...(config.plugins ?? []),
      new DefinePlugin({ __ACCORD_UPDATE_KEYS__: JSON.stringify(keys) }),
    ];
    return config;
  };
}
