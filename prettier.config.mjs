// One formatting for the whole tree, so formatting is never a review topic. Wide lines because
// the code favours one statement per line over wrapped argument lists.
/** @type {import("prettier").Config} */
const config = {
  printWidth: 140,
};

export default config;
