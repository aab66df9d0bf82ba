export interface ScrollHint {
  /** The content is wider than its frame. */
  overflows: boolean;
  /** Content is hidden on the left: shade that edge. */
  moreBefore: boolean;
  /** Content is hidden on the right: shade that edge and say "scroll →". */
  moreAfter: boolean;
}

/** What a horizontally scrolling frame should show, from its measures (a pixel of rounding is not an overflow). */
export function scrollHint({ scrollLeft, scrollWidth, clientWidth }: { scrollLeft: number; scrollWidth: number; clientWidth: number }): ScrollHint {
  const overflows = scrollWidth - clientWidth > 1;
  return {
    overflows,
    moreBefore: overflows && scrollLeft > 1,
    moreAfter: overflows && scrollLeft + clientWidth < scrollWidth - 1,
  };
}
