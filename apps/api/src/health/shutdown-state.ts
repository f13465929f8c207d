import { Injectable } from '@nestjs/common';

/**
 * Whether this instance is shutting down (graceful-shutdown.ts sets it first thing on SIGTERM):
 * from then on /health/ready answers 503, so a load balancer sends no new work here while the
 * requests in flight finish.
 */
@Injectable()
export class ShutdownState {
  private stopping = false;

  begin(): void {
    this.stopping = true;
  }

  get shuttingDown(): boolean {
    return this.stopping;
  }
}
