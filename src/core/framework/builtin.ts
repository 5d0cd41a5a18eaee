/** The frameworks that ship with lawgap, oldest first. Each is validated when the store syncs it. */
import v1 from './versions/v1.json' with { type: 'json' };

/** Raw framework files bundled with the app, in version order. */
export const builtinFrameworks: readonly unknown[] = [v1];
