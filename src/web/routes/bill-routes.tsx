/** The routes of the bill pages: `/bills`, `/bills/:id`, `/bills/:id/brief`, `/people/:id`, `/committees/:id`. */
import type { ReactNode } from 'react';
import { matchBillPath, matchMemberPath } from '../lib/bill-paths.ts';
import { BillPage } from './bill.tsx';
import { BillBriefPage } from './bill-brief.tsx';
import { BillsPage } from './bills.tsx';
import { CommitteePage } from './committee.tsx';
import { PersonPage } from './person.tsx';

/** The page for a bill, person or committee path (all public); null for any other path. */
export function billRoute(path: string): ReactNode {
  if (path === '/bills') return <BillsPage />;
  const bill = matchBillPath(path);
  if (bill) return bill.brief ? <BillBriefPage id={bill.id} /> : <BillPage id={bill.id} />;
  const member = matchMemberPath(path);
  if (!member) return null;
  return member.kind === 'person' ? <PersonPage id={member.id} /> : <CommitteePage id={member.id} />;
}
