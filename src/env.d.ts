declare namespace App {
  interface Locals {
    /** Set by a page before rendering its body: the number each source has in the page's source list. */
    sourceNumbers?: Map<string, number>;
  }
}
