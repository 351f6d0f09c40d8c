/**
 * The one path every request takes into the core, whatever carried it (Electron IPC or the
 * browser-mode bridge): check the sender, check the method exists, parse the payload with the
 * contract's schema, run the handler, and turn any failure into a user-presentable error.
 */
import {
  contract,
  isMethodName,
  type MethodName,
  type ParsedRequestOf,
  type ResponseOf,
} from '../../../shared/contract/ipc-contract.js';
import { AppFailure, fail, ok, type Result } from '../../../shared/contract/result.js';
import type { Logger } from '../logger.js';
import type { SenderInfo, SenderPolicy } from './sender-policy.js';

export type Handlers = {
  [M in MethodName]: (request: ParsedRequestOf<M>) => Promise<ResponseOf<M>>;
};

export type Dispatch = (sender: SenderInfo, method: unknown, payload: unknown) => Promise<Result<unknown>>;

/** Names the fields that failed, never their values (they may hold a user's text). */
const describeIssues = (issues: readonly { path: readonly PropertyKey[] }[]): string =>
  [...new Set(issues.map((issue) => issue.path.map(String).join('.') || '(request)'))].join(', ');

export const createDispatcher = (handlers: Handlers, policy: SenderPolicy, logger: Logger): Dispatch => {
  return async (sender, method, payload) => {
    if (!policy.allows(sender)) {
      logger.warn('ipc: refused a request from an untrusted frame', { url: sender.url });
      return fail('forbidden', 'This request did not come from the Pressroom window and was refused.');
    }
    if (!isMethodName(method)) {
      logger.warn('ipc: refused an unknown method', { method: String(method).slice(0, 80) });
      return fail('invalid-request', 'Pressroom received a request it does not know.');
    }
    const parsed = contract.methods[method].request.safeParse(payload);
    if (!parsed.success) {
      const fields = describeIssues(parsed.error.issues);
      logger.warn('ipc: refused a malformed request', { method, fields });
      return fail('invalid-request', 'Pressroom refused a malformed request. Nothing was changed.', {
        fields,
      });
    }
    return runHandler(handlers, method, parsed.data, logger);
  };
};

const runHandler = async <M extends MethodName>(
  handlers: Handlers,
  method: M,
  request: ParsedRequestOf<M>,
  logger: Logger,
): Promise<Result<unknown>> => {
  try {
    return ok(await handlers[method](request));
  } catch (error) {
    if (error instanceof AppFailure) return { ok: false, error: error.toAppError() };
    logger.error('ipc: handler failed', { method, error });
    return fail(
      'internal',
      'Something went wrong inside Pressroom. Your work on disk is unchanged; please try again.',
    );
  }
};
