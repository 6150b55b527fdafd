/** DI token of the ThemeConsumer list a theme declares (empty when it declares none). */
export const THEME_CONSUMERS = Symbol('THEME_CONSUMERS');
