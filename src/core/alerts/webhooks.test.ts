import { describe, expect, it } from 'vitest';
import {
  maxAttempts,
  nextAttemptAt,
  signedContent,
  webhookBody,
  webhookHeaders,
} from './standard-webhooks.ts';
import { endpointWants, isPrivateHost } from './webhooks.ts';

describe('standard webhooks parts', () => {
  it('builds the body, signed content and headers', () => {
    const body = webhookBody({
      type: 'bill.created',
      createdAt: '2026-01-01T00:00:00.000Z',
      payload: { a: 1 },
    });
    expect(JSON.parse(body)).toEqual({
      type: 'bill.created',
      timestamp: '2026-01-01T00:00:00.000Z',
      data: { a: 1 },
    });
    expect(signedContent('msg_1', 1700000000, body)).toBe(`msg_1.1700000000.${body}`);
    expect(webhookHeaders('msg_1', 1700000000, 'abc=')).toEqual({
      'webhook-id': 'msg_1',
      'webhook-timestamp': '1700000000',
      'webhook-signature': 'v1,abc=',
    });
  });

  it('retries after 30s, 2m, 10m, 1h, 6h, then gives up', () => {
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    const delays = [1, 2, 3, 4, 5].map((n) => (Date.parse(nextAttemptAt(n, t0) ?? '') - t0) / 1000);
    expect(delays).toEqual([30, 120, 600, 3600, 21600]);
    expect(nextAttemptAt(6, t0)).toBeNull();
    expect(maxAttempts).toBe(6);
  });
});

describe('endpointWants', () => {
  const endpoint = {
    eventTypes: [],
    jurisdictionId: null,
    active: true,
    createdAt: '2026-01-01T00:00:00.000Z',
  };
  const event = {
    type: 'bill.created' as const,
    jurisdictionId: 'j1',
    createdAt: '2026-01-02T00:00:00.000Z',
  };
  it.each([
    ['all events', endpoint, true],
    ['inactive', { ...endpoint, active: false }, false],
    ['created after the event', { ...endpoint, createdAt: '2026-01-03T00:00:00.000Z' }, false],
    ['type filter matches', { ...endpoint, eventTypes: ['bill.created' as const] }, true],
    ['type filter misses', { ...endpoint, eventTypes: ['vote.recorded' as const] }, false],
    ['jurisdiction matches', { ...endpoint, jurisdictionId: 'j1' }, true],
    ['jurisdiction misses', { ...endpoint, jurisdictionId: 'j2' }, false],
  ])('%s', (_name, e, expected) => {
    expect(endpointWants(e, event)).toBe(expected);
  });
});

describe('isPrivateHost', () => {
  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.32.0.1', false],
    ['192.168.1.1', true],
    ['169.254.169.254', true],
    ['[::1]', true],
    ['fd00::1', true],
    ['::ffff:127.0.0.1', true],
    ['example.org', false],
    ['93.184.216.34', false],
  ])('%s → %s', (host, expected) => {
    expect(isPrivateHost(host)).toBe(expected);
  });
});
