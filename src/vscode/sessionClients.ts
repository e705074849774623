// One SessionsClient per target kind, remade when the key, the settings or the proxy it was made with change.
import { createHash } from 'node:crypto';
import type * as vscode from 'vscode';
import type { SessionsClient } from '../sessions/client';
import { loadClient } from './engine';
import type { OutputLog } from './outputLog';
import { readSettings } from './settings';
import { TARGET_LABELS, type ResolvedTarget, type TargetKind } from './targets';

export class SessionClients implements vscode.Disposable {
  /** One client per target kind, with the fingerprint of the key and settings it was made with. */
  private readonly clients = new Map<TargetKind, { fingerprint: string; client: SessionsClient }>();

  constructor(private readonly log: OutputLog) {}

  /** The client for `target` as the settings are now. */
  for(target: ResolvedTarget): SessionsClient {
    const settings = readSettings();
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([target.kind, target.baseUrl, target.secretKey, settings.forUserId, settings.withSplitRule, settings.requestTimeoutSeconds, target.proxy?.url, target.proxy?.strictSSL]))
      .digest('hex');
    const existing = this.clients.get(target.kind);
    if (existing?.fingerprint === fingerprint) return existing.client;
    // A new key or new settings: close the client they replace once its requests end.
    void existing?.client.close();
    const timeoutMs = settings.requestTimeoutSeconds * 1000;
    const { SessionsClient: Client } = loadClient();
    const client = new Client({
      baseUrl: target.baseUrl,
      secretKey: target.secretKey,
      forUserId: settings.forUserId,
      withSplitRule: settings.withSplitRule,
      proxy: target.proxy,
      timeouts: { headersMs: timeoutMs, bodyMs: timeoutMs, totalMs: timeoutMs + 5_000 },
      log: (level, line) => this.log.channel[level](`[${TARGET_LABELS[target.kind]}] ${line}`),
    });
    this.clients.set(target.kind, { fingerprint, client });
    return client;
  }

  dispose(): void {
    for (const { client } of this.clients.values()) void client.close();
    this.clients.clear();
  }
}
