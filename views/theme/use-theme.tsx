import React, { createContext, useContext, type ReactNode } from 'react';
import { createTheme, type Theme } from './theme.js';

// Without a provider (view tests) the 256-colour theme: what most terminals show. The console
// itself provides the theme of the terminal it runs on (console.tsx).
const ThemeContext = createContext<Theme>(createTheme('ansi256'));

/** Gives every view below it the theme for the terminal the console draws on. */
export function ThemeProvider({ theme, children }: { theme: Theme; children: ReactNode }) {
  return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
}

/** The theme to paint with. */
export function useTheme(): Theme {
  return useContext(ThemeContext);
}
