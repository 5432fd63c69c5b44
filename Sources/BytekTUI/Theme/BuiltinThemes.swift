/// The themes in `themes/`, built in so the program works without the folder.
/// A test checks that these texts equal the files, so the two never drift apart.
enum BuiltinThemes {
    static let standard = """
# BYTEK Core: default theme. Copy this file to make your own; choose it with BYTEK_THEME=NAME.
# role = foreground background [bold] [reverse] [underline] [dim]
# colours: default black red green yellow blue magenta cyan white, bright-*, or 0-255
name = default
normal = default default
dim = gray default
title = cyan default bold
border = blue default
tab = white blue
tabActive = black cyan bold
status = white blue
statusError = bright-white red bold
statusOk = black green
header = cyan default bold underline
selected = black cyan
selectedInactive = black white
label = default default bold
input = default default underline
inputFocused = black yellow
error = bright-red default bold
warning = yellow default bold
success = green default
accent = bright-cyan default bold
overlay = default default
overlayTitle = bright-white blue bold
danger = bright-white red bold
card = default default
cardSelected = black cyan bold
placeholder = gray default
"""

    static let highContrast = """
# BYTEK Core: high-contrast theme (bright colours on black, bold focus).
name = high-contrast
normal = bright-white black
dim = white black
title = bright-yellow black bold
border = bright-white black
tab = bright-white black
tabActive = black bright-yellow bold
status = black bright-white
statusError = bright-white red bold
statusOk = black bright-green bold
header = bright-yellow black bold underline
selected = black bright-yellow bold
selectedInactive = black white
label = bright-white black bold
input = bright-white black underline
inputFocused = black bright-yellow bold
error = bright-red black bold
warning = bright-yellow black bold
success = bright-green black bold
accent = bright-cyan black bold
overlay = bright-white black
overlayTitle = black bright-white bold
danger = bright-white red bold
card = bright-white black
cardSelected = black bright-yellow bold
placeholder = white black
"""

    static let monochrome = """
# BYTEK Core: monochrome theme. No colour: focus is reverse video, danger is bold and underlined.
name = monochrome
monochrome = yes
normal = default default
dim = default default dim
title = default default bold
border = default default
tab = default default reverse
tabActive = default default bold underline
status = default default reverse
statusError = default default reverse bold underline
statusOk = default default reverse
header = default default bold underline
selected = default default reverse
selectedInactive = default default underline
label = default default bold
input = default default underline
inputFocused = default default reverse
error = default default bold underline
warning = default default bold
success = default default
accent = default default bold
overlay = default default
overlayTitle = default default reverse bold
danger = default default reverse bold underline
card = default default
cardSelected = default default reverse bold
placeholder = default default dim
"""

    static let named: [String: String] = ["default": standard, "high-contrast": highContrast, "monochrome": monochrome]
}
