import * as z from 'zod/mini';

/**
 * A fractional position: letters and digits that sort with plain string `<` (`a0` < `a0V` < `a1`),
 * so a post or section moves by writing one key between its neighbours' keys, and two people
 * moving things at once do not renumber each other's.
 */
export const BOARD_POSITION_PATTERN = /^[0-9A-Za-z]{1,64}$/;

export const boardPosition = () => z.string().check(z.regex(BOARD_POSITION_PATTERN, 'must be a position key: 1 to 64 letters or digits'));
