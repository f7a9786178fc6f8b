// `unicode-trie` as the bundled CLI gives it to fontkit, unicode-properties and PDFKit's linebreak (scripts/bundle-cli.mjs).
//
// Each of those packages builds a table of Unicode properties when its module loads, from data deflated twice:
// `unicode-trie` inflates it with tiny-inflate, in JavaScript, which takes some 9 ms before the code is warm. Here a
// table is made only when it is first looked up (a galley of Latin text asks one of the five: unicode-properties', for
// every glyph's character category), and its data is inflated by Node's own zlib (under a millisecond). The table is
// the package's own class, given the inflated words as its "pre-parsed" data: the same look-ups, checked against the
// package for every code point (test/cli/unicode-trie.test.ts).
'use strict';
const { inflateRawSync } = require('node:zlib');
const UnicodeTrie = require('unicode-trie');

/** The package's trie from its serialised form: highStart, errorValue and length (little-endian), then the twice-deflated words. */
function unpack(data) {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const highStart = view.getUint32(0, true);
  const errorValue = view.getUint32(4, true);
  const length = view.getUint32(8, true);
  const bytes = inflateRawSync(inflateRawSync(data.subarray(12)));
  if (bytes.length !== length) throw new Error(`unicode-trie: ${bytes.length} bytes inflated where the header says ${length}`);
  // The words are little-endian: copied as they are on a little-endian machine, read one by one elsewhere.
  const words = new Uint32Array(length >>> 2);
  if (LITTLE_ENDIAN) new Uint8Array(words.buffer).set(bytes.subarray(0, words.length * 4));
  else for (let i = 0; i < words.length; i++) words[i] = bytes.readUInt32LE(i * 4);
  return new UnicodeTrie({ data: words, highStart, errorValue });
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

class LazyUnicodeTrie {
  constructor(data) {
    this.packed = data;
    this.trie = undefined;
  }

  get(codePoint) {
    if (this.trie === undefined) this.trie = this.packed instanceof Uint8Array ? unpack(this.packed) : new UnicodeTrie(this.packed);
    return this.trie.get(codePoint);
  }
}

module.exports = LazyUnicodeTrie;
