// The package ships no types: just what the tests use, as its generated JavaScript defines it
// (dist/sunshine-conversations-client/index.js, version 14).
declare module 'sunshine-conversations-client' {
  export class ApiClient {
    callApi(...args: unknown[]): Promise<{ data: unknown; response: unknown }>;
  }
  export class PassControlBody {
    constructor(switchboardIntegration: string);
    static constructFromObject(data: object, obj?: PassControlBody): PassControlBody;
    getSwitchboardIntegration(): string;
    getMetadata(): object | undefined;
  }
  export class SwitchboardActionsApi {
    constructor(apiClient?: ApiClient);
    passControl(appId: string, conversationId: string, passControlBody: PassControlBody): Promise<unknown>;
  }
}
