import { describe, expect, it } from 'vitest';
import { describeChangeEvent } from './event-text.ts';

const bill = {
  id: 'b1',
  identifier: 'HB 12',
  title: 'An invented act',
  jurisdictionId: 'j',
  session: 's',
  stage: 'introduced',
};

describe('describeChangeEvent', () => {
  it('says what happened to a bill in each language, with its identifier and title', () => {
    const event = {
      type: 'bill.status_changed',
      billId: 'b1',
      payload: { bill, from: 'in_committee', to: 'passed_one_chamber', action: null },
    };
    expect(describeChangeEvent('en', event)).toEqual({
      billId: 'b1',
      billIdentifier: 'HB 12',
      billTitle: 'An invented act',
      what: 'Stage changed from in committee to passed one chamber',
    });
    expect(describeChangeEvent('es', event).what).toBe(
      'La etapa pasó de en comisión a aprobado por una cámara',
    );
    expect(describeChangeEvent('fr', event).what).toBe(
      'Stade passé de en commission à adopté par une chambre',
    );
  });

  it('describes actions, versions, votes and hearings from their payloads', () => {
    const at = (type: string, payload: Record<string, unknown>) =>
      describeChangeEvent('en', { type, billId: null, payload }).what;
    expect(at('bill.action_added', { bill, action: { description: 'Referred' } })).toBe(
      'New action: Referred',
    );
    expect(at('bill.version_added', { bill, version: { note: 'Engrossed' } })).toBe(
      'New text version: Engrossed',
    );
    expect(at('vote.recorded', { bill, vote: { motion: 'Final passage', result: 'pass' } })).toBe(
      'Vote recorded: Final passage (pass)',
    );
    const hearing = { hearing: { name: 'Committee hearing', startDate: '2091-03-04' }, bills: [bill] };
    expect(at('hearing.scheduled', hearing)).toBe('Hearing scheduled: Committee hearing, 2091-03-04');
    // A hearing's bill comes from its list of bills.
    expect(
      describeChangeEvent('en', { type: 'hearing.changed', billId: null, payload: hearing }).billId,
    ).toBe('b1');
  });

  it('leaves missing payload fields blank and names an unknown type instead of failing', () => {
    expect(describeChangeEvent('en', { type: 'bill.action_added', billId: 'b2', payload: {} })).toEqual({
      billId: 'b2',
      billIdentifier: null,
      billTitle: null,
      what: 'New action: ',
    });
    expect(
      describeChangeEvent('en', { type: 'bill.renamed', billId: null, payload: { bill: 'x' } }).what,
    ).toBe('Change: bill.renamed');
  });
});
