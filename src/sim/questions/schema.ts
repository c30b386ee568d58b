// Predict-then-run questions in a scenario file. The question format is owned
// here (not in scenario/), so the scenario schema only says where questions go.
//
// A question names a step (its index in "steps", from 0) and asks the learner
// to predict what that step will do before it runs. It never carries an
// answer: the answer is read from the simulated timeline (answer.ts), so it
// cannot drift from what the model does. Its text is generated from the kind
// in both languages; `text` replaces the generated wording when a lecturer
// wants other words (the answer still comes from the timeline).
import { z } from 'zod';

const Text = z
  .object({
    de: z.string().min(1, 'German text is empty').max(400),
    en: z.string().min(1, 'English text is empty').max(400),
  })
  .strict();

const StepIndex = z.number().int().min(0).max(4999).describe('The step this question is asked before (its index in "steps", from 0). The answer is the state after that step.');
const MailRef = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,31}$/, 'a mail id is 1-32 characters: lower-case letters, digits and "-", starting with a letter (e.g. "m1")')
  .describe('The mail asked about (its id in the steps).');
const DeviceRef = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a device id is 1-32 characters: lower-case letters, digits and "-"');

const common = {
  step: StepIndex,
  text: Text.optional().describe('Own wording of the question in both languages (default: generated from the kind).'),
};

export const Question = z.discriminatedUnion('kind', [
  z.object({ ...common, kind: z.literal('where'), mail: MailRef }).strict().describe('Where is the mail after the step? (every place holding a copy: the server, each device, the backup, the queue)'),
  z.object({ ...common, kind: z.literal('devices'), mail: MailRef }).strict().describe('How many devices can show the mail after the step?'),
  z.object({ ...common, kind: z.literal('accepted'), mail: MailRef }).strict().describe('Will the arriving mail be accepted into the mailbox? (the step must be that mail\'s arrival)'),
  z.object({ ...common, kind: z.literal('onServer'), mail: MailRef }).strict().describe('Yes or no: is the mail still on the server after the step?'),
  z.object({ ...common, kind: z.literal('onDevice'), mail: MailRef, device: DeviceRef }).strict().describe('Yes or no: is the mail on this device after the step?'),
  z.object({ ...common, kind: z.literal('lost'), mail: MailRef }).strict().describe('Yes or no: is the mail lost after the step (no copy anywhere, never deleted on purpose)?'),
]);
export type Question = z.infer<typeof Question>;
export type QuestionKind = Question['kind'];

export const Questions = z.array(Question).max(200).default([]).describe('Predict-then-run questions: asked before a step runs, answered from the simulation.');
export type Questions = z.infer<typeof Questions>;
