/** opencc-js ships no types for its dictionary modules; `to/cn` is its traditional → simplified dictionary group. */
declare module 'opencc-js/to/cn' {
  const groups: import('opencc-js/core').DictGroup[];
  export default groups;
}
declare module 'opencc-js/dict/TSCharacters' {
  const dictionary: string;
  export default dictionary;
}
