/** API shapes for events (hearings) of bills and the event import (docs/bills.md, "Events"). */
import { z } from 'zod';
import { eventStatuses } from '../core/bills/events.ts';
import { billImportBody, billImportReport } from './bills.ts';

export const hearingEvent = z
  .object({
    id: z.string(),
    sourceId: z.string().describe('ocd-event/<uuid> or the scrape dedupe_key'),
    jurisdictionId: z.string(),
    name: z.string(),
    startDate: z.string(),
    endDate: z.string().nullable(),
    allDay: z.boolean(),
    status: z.enum(eventStatuses),
    classification: z.string().nullable(),
    description: z.string().nullable(),
    location: z.string().nullable(),
    participants: z.array(
      z.object({ name: z.string(), entityType: z.string(), note: z.string().nullable() }),
    ),
    agenda: z.array(
      z.object({
        description: z.string(),
        classification: z.array(z.string()),
        bills: z.array(
          z.object({ identifier: z.string(), ocdId: z.string().nullable(), note: z.string().nullable() }),
        ),
      }),
    ),
    links: z.array(z.object({ kind: z.enum(['media', 'document']), note: z.string(), url: z.string() })),
    billIds: z.array(z.string()).describe('the stored bills the agenda names'),
  })
  .meta({ id: 'HearingEvent' });

export const eventImportBody = billImportBody.omit({ format: true });

export const eventImportReport = z
  .object({
    files: z.array(
      billImportReport.shape.files.element.extend({
        agendaBillsLinked: z.number().int(),
        agendaBillsUnlinked: z.number().int(),
      }),
    ),
    totals: billImportReport.shape.totals,
  })
  .meta({ id: 'EventImportReport' });
