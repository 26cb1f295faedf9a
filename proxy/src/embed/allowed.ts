/** The rules live in core (the configurator checks what a merchant types with them too). */
export * from '#core/allowed';
