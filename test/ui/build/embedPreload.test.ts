// The embed page preloads the player's chunks; chunks that import each other in
// a circle must not send the build into endless recursion.
import { describe, expect, it } from 'vitest';
import { playerChunks } from '../../../src/ui/build/embedPreload';

type OutputBundle = Parameters<typeof playerChunks>[0];

const chunk = (fileName: string, imports: string[], facadeModuleId: string | null = null, isEntry = false) => ({ type: 'chunk', fileName, imports, facadeModuleId, isEntry });

describe('the chunks the embed preloads', () => {
  it('lists every chunk the player needs once, even when chunks import each other in a circle', () => {
    const bundle = {
      'entry.js': chunk('entry.js', ['a.js'], '/src/ui/embed/main.ts', true),
      'player.js': chunk('player.js', ['a.js', 'b.js'], '/work/src/ui/embed/player.ts'),
      'a.js': chunk('a.js', ['b.js']),
      'b.js': chunk('b.js', ['a.js']),
    } as unknown as OutputBundle;
    const out = playerChunks(bundle);
    expect([...out].sort()).toEqual(['a.js', 'b.js', 'player.js']);
  });
});
