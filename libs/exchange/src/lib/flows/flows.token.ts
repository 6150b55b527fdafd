/** DI token of the Flow list a theme declares (empty when it declares none). */
export const THEME_FLOWS = Symbol('THEME_FLOWS');
