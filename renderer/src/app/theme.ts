import { createTheme } from '@mui/material/styles';

/** The app's look: calm teal of the icon, readable sizes for long office days, print-friendly. */
export const theme = createTheme({
  palette: {
    primary: { main: '#0f6e74' },
    secondary: { main: '#8a5a00' },
    background: { default: '#f5f7f8' },
  },
  typography: {
    fontFamily: 'Roboto, "Segoe UI", "Noto Sans", Arial, sans-serif',
  },
  shape: { borderRadius: 8 },
  components: {
    MuiButton: { defaultProps: { disableElevation: true } },
    MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
  },
});
