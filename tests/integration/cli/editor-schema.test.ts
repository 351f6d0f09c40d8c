/**
 * The command line writes bodies with its own copy of the editor's schema (the editor's packages
 * are kept out of electron/ by the layer rule). This compares it with TipTap's StarterKit as the
 * editor builds it, so an upgrade that changes a node or a mark fails here first.
 */
import { getSchema } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { Schema } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { editorSchema } from '../../../electron/core/content/editor-schema.js';

const describeSchema = (schema: Schema) => ({
  topNode: schema.topNodeType.name,
  nodes: Object.values(schema.nodes).map((type) => ({
    name: type.name,
    content: type.spec.content ?? '',
    group: type.spec.group ?? '',
    inline: type.isInline,
    marks: type.spec.marks ?? null,
    code: type.spec.code ?? false,
    defaults: Object.fromEntries(
      Object.entries(type.spec.attrs ?? {}).map(([name, spec]) => [name, spec.default]),
    ),
  })),
  marks: Object.values(schema.marks)
    .map((type) => ({
      name: type.name,
      excludes: type.spec.excludes ?? null,
      defaults: Object.fromEntries(
        Object.entries(type.spec.attrs ?? {}).map(([name, spec]) => [name, spec.default]),
      ),
    }))
    .sort((a, b) => a.name.localeCompare(b.name)),
});

describe("the CLI's editor schema", () => {
  it('has the same nodes, marks, content rules and attributes as StarterKit, in the same order', () => {
    // Both come from the same prosemirror-model classes, but through different packages' types.
    expect(describeSchema(editorSchema as unknown as Schema)).toEqual(
      describeSchema(getSchema([StarterKit])),
    );
  });
});
