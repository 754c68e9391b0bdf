import os from 'node:os';
import type { Request } from 'express';
import type { Config } from '../../config';
import { joinBase } from '../../domain/join-url';

/** The survey's public link, on the address the client's staff can reach (PUBLIC_URL, else as join links are made). */
export function surveyUrl(config: Config, req: Request, code: string): string {
  const host = req.get('host') ?? 'localhost';
  const base = joinBase({ publicUrl: config.publicUrl, protocol: req.protocol, host, interfaces: () => os.networkInterfaces() });
  return `${base.base}/s/${code}`;
}
