import * as assert from 'node:assert';
import { slugify } from '../../server/src/core/features/newPost';

suite('new post file name', () => {
  test('Latin letters lose their accents; letters of other scripts stay, as Jekyll keeps them', () => {
    // Jekyll 4.3.1 `Utils.slugify`: 你好-世界, привет-мир, 한글-제목-2; a title of these is no reason to fall back to `new-post`.
    assert.deepStrictEqual(
      ['你好 世界', 'Привет, мир!', 'Мой ёж', '한글 제목 2', 'がぎ', 'Café Zażółć', 'ŁÓDŹ'].map(slugify),
      ['你好-世界', 'привет-мир', 'мой-ёж', '한글-제목-2', 'がぎ', 'cafe-zazolc', 'lodz'],
    );
  });
});
