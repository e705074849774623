// The buttons a result panel posts (validated by the panel first), each handed to the controller that does it.
import type { FromWebview } from './resultView';
import type { SessionDocuments } from './sessionDocuments';
import type { SessionRequests } from './sessionRequests';

export async function runPanelAction(requests: SessionRequests, documents: SessionDocuments, requestUri: string, message: FromWebview): Promise<void> {
  switch (message.type) {
    case 'openLink':
      await documents.openLink(message.url, documents.serverOf(requestUri));
      return;
    case 'copy':
      await documents.copy(requestUri, message.what);
      return;
    case 'openBody':
      await documents.openBody(requestUri);
      return;
    case 'revealPath':
      await documents.revealPath(requestUri, message.path);
      return;
    case 'refresh':
      await requests.refresh(requestUri);
      return;
    case 'cancelSession':
      await requests.cancelSession(requestUri);
      return;
    case 'autoRefresh':
      await requests.autoRefresh(requestUri, message.on);
      return;
    case 'copyAsCurl':
    case 'copyAsCode':
      await documents.copyRequest(requestUri, message.type === 'copyAsCurl' ? 'curl' : 'code');
      return;
    case 'showRequest':
      await documents.showRequest(requestUri);
      return;
    case 'paySandbox':
    case 'expireSandbox':
      await requests.triggerSandbox(requestUri, message.type === 'paySandbox' ? 'complete' : 'expire');
      return;
    default:
      return;
  }
}
