import { Router } from 'express';
import type { ContactRecord } from '../../db/store';
import { currentUser } from '../../http/auth';
import { parse } from '../../http/validate';
import type { ContactService } from '../../services/contacts';
import { stakeholderJson } from '../toolkit/api';
import { newContactBody } from './schemas';

export const contactJson = (c: ContactRecord) => ({
  id: c.publicId,
  date: c.date,
  remark: c.remark,
  support: c.support,
  nextStep: c.nextStep,
  due: c.due,
  reading: c.reading,
  done: c.done,
});

/** A project's stakeholders over time: the contact log and the next actions. Mounted at /api behind requireUser. */
export function contactsApi(contacts: ContactService): Router {
  const router = Router({ caseSensitive: true });

  router.get('/projects/:id/stakeholders/:sid', async (req, res) => {
    const {
      s,
      contacts: list,
      supportHistory,
      contactDrives,
    } = await contacts.stakeholder(currentUser(res), req.params.id, req.params.sid);
    res.json({ ...stakeholderJson(s), drivesByHand: s.drivesByHand, contactDrives, contacts: list.map(contactJson), supportHistory });
  });
  router.post('/projects/:id/stakeholders/:sid/contacts', async (req, res) => {
    const body = parse(newContactBody, req.body ?? {});
    const { contact } = await contacts.add(currentUser(res), req.params.id, req.params.sid, body);
    res.status(201).json(contactJson(contact));
  });
  router.get('/projects/:id/next-actions', async (req, res) => {
    const list = await contacts.nextActions(currentUser(res), req.params.id);
    res.json(
      list.map((a) => ({
        stakeholder: { id: a.stakeholder.publicId, name: a.stakeholder.name },
        contactId: a.contact.publicId,
        nextStep: a.contact.nextStep,
        due: a.contact.due,
        overdue: a.overdue,
      })),
    );
  });
  router.post('/projects/:id/contacts/:cid/done', async (req, res) => {
    res.json(contactJson(await contacts.markDone(currentUser(res), req.params.id, req.params.cid)));
  });
  return router;
}
