#!/bin/sh
# Regenerates the demo videos in this folder. Needs ffmpeg with libx264 and
# libfreetype, and the DejaVu fonts; only the person regenerating needs them, the
# portal itself never runs ffmpeg. Output: 640x360, 8 s, 24 fps, H.264 baseline,
# no audio, moov atom first (+faststart) so browsers can start playing at once.
set -eu
cd "$(dirname "$0")"
FONT=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
FONT_REG=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
ENCODE="-an -c:v libx264 -profile:v baseline -level 3.0 -pix_fmt yuv420p -preset veryslow -crf 30 -r 24 -movflags +faststart -map_metadata -1 -fflags +bitexact -flags:v +bitexact"

title() {  # text, y, start, font, size
    printf "drawtext=fontfile=%s:text='%s':fontsize=%s:fontcolor=white:x=(w-text_w)/2:y=%s:shadowcolor=black@0.6:shadowx=2:shadowy=2:alpha='if(lt(t,%s),0,min(1,(t-%s)*2))'" "$4" "$1" "$5" "$2" "$3" "$3"
}

# 1. A slowly drifting blue-teal gradient with the title of the video.
ffmpeg -y -v error -f lavfi -i "gradients=s=640x360:r=24:d=8:c0=0x0b4f8a:c1=0x0f7f78:c2=0x1f2f6b:c3=0x1c6f94:n=4:speed=0.02:seed=7" \
  -vf "$(title 'Taihu Bay' 120 0.3 $FONT 44),$(title 'Sci-Tech Innovation City' 175 0.8 $FONT 34),$(title 'Wuxi National Hi-tech District' 250 2.5 $FONT_REG 22)" \
  $ENCODE taihu-bay-innovation-city.mp4

# 2. Conway's game of life, tinted green like cells under a microscope.
ffmpeg -y -v error -f lavfi -i "life=s=160x90:r=24:ratio=0.25:seed=42:death_color=0x0b2d24:life_color=0x5fd39a:mold=20:mold_color=0x1d6b52" -t 8 \
  -vf "scale=640:360:flags=neighbor,drawbox=x=0:y=110:w=640:h=140:color=black@0.45:t=fill,$(title 'Inside the AstraZeneca' 125 0.3 $FONT 38),$(title 'I-Campus' 180 0.8 $FONT 38)" \
  $ENCODE astrazeneca-i-campus.mp4

# 3. A vibrating string (two sine tones drawn as a waveform) on a warm background.
ffmpeg -y -v error -f lavfi -i "color=c=0x5a2e12:s=640x360:r=24:d=8" \
  -f lavfi -i "aevalsrc='(0.15+0.5*abs(sin(PI*t/2)))*sin(2*PI*72*t)*(1+0.25*sin(2*PI*216*t))':s=8000:d=8" \
  -filter_complex "[1:a]showwaves=s=640x120:mode=p2p:rate=24:colors=0xf3c77a:scale=lin[w];[0:v][w]overlay=0:200:shortest=1,$(title 'Erhu makers of Meicun' 70 0.3 $FONT 40),$(title 'Two strings, one bow' 130 2.0 $FONT_REG 24)" \
  $ENCODE erhu-makers-of-meicun.mp4
