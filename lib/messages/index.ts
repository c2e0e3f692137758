import type { z } from 'zod';
import { lensMessages } from './lens';
import { clippingMessages } from './clippings';
import { checklistMessages } from './checklist';
import { libraryMessages } from './library';
import { analysisMessages } from './analysis';
import { correctionMessages } from './corrections';
import { evidenceMessages } from './evidence';

export const messages = {
  ...lensMessages,
  ...clippingMessages,
  ...checklistMessages,
  ...libraryMessages,
  ...analysisMessages,
  ...correctionMessages,
  ...evidenceMessages,
};
export type Messages = typeof messages;
export type MessageType = keyof Messages;
export type RequestOf<K extends MessageType> = z.infer<Messages[K]['request']>;
export type ResponseOf<K extends MessageType> = z.infer<Messages[K]['response']>;
export { EnvelopeSchema, ReplySchema, type Reply, type Envelope } from './protocol';
